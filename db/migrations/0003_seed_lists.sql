-- The two lists every new database starts with (SPEC §2).
INSERT INTO "lists" ("name", "name_key") VALUES ('Portfolio', 'portfolio'), ('Watchlist', 'watchlist');
