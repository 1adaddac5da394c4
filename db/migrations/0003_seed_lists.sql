-- The two lists every new database starts with (docs/data-contract.md §2).
INSERT INTO "lists" ("name", "name_key") VALUES ('Portfolio', 'portfolio'), ('Watchlist', 'watchlist');
