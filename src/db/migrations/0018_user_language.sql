-- The language a person last used the web app in: notifications and their e-mails are written in it.
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'en';
