-- Runs once, when the postgres container initialises an empty volume: the login roles of the handlers and
-- consumers, members of the group roles whose grants sql/0023_roles.sql sets (created here first, so the
-- migration finds them). Passwords as for the owner: change all three outside local use.
CREATE ROLE dataforge_api NOLOGIN;
CREATE ROLE dataforge_consumer NOLOGIN;
CREATE ROLE dataforge_api_login LOGIN PASSWORD 'dataforge_api' IN ROLE dataforge_api;
CREATE ROLE dataforge_consumer_login LOGIN PASSWORD 'dataforge_consumer' IN ROLE dataforge_consumer;
