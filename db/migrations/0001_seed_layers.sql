-- The six fixed layers of the AI stack (docs/data-contract.md §1), bottom to top.
INSERT INTO "layers" ("key", "position", "name", "holds", "ends") VALUES
  ('infrastructure', 1, 'Infrastructure', 'Land, power generation and grids, cooling, data-centre shells, critical minerals, fabrication facilities and fab tools (lithography included).', 'At the wafer: making chips is layer 2.'),
  ('chips', 2, 'Chips', 'Logic, accelerators, memory and networking silicon, and the companies that design and manufacture them (foundries included).', 'At the packaged part: data about the world is layer 3.'),
  ('data', 3, 'Data', 'Text, code, image, video and sensor data (gravity, friction, depth), labelling, synthetic data, the platforms that hold and prepare it.', 'At the training set: learning from it is layer 4.'),
  ('models', 4, 'Models', 'Systems that learn from examples: LLMs, multimodal and physical/robotics models, their training and model APIs.', 'At the prediction: acting on it is layer 5.'),
  ('execution', 5, 'Execution', 'Agents and the runtimes and compute services that let models act: observe, reason, act, loop until a goal is met (agent platforms, orchestration, inference clouds).', 'At the action: the outcome a user pays for is layer 6.'),
  ('application', 6, 'Application', 'Products sold to end users for an outcome; all of the stack''s revenue originates here and flows down.', 'At the customer.');
