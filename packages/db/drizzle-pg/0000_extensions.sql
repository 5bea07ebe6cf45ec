-- Hand-written (drizzle-kit generate --custom): what the generated schema migrations rely on.
-- Accent-insensitive Portuguese full-text search, the twin of SQLite's FTS5 "unicode61 remove_diacritics 2":
-- a text-search configuration that strips accents (unaccent) before the Portuguese stemmer, so
-- "conexao" finds "conexão" and "conexões". unaccent is a trusted extension (PostgreSQL 13+): the
-- database owner can create it, also on managed services. The two-argument to_tsvector('atende_pt', …)
-- is immutable, so the GIN expression indexes of 0001 can use it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION atende_pt (COPY = pg_catalog.portuguese);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION atende_pt ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
