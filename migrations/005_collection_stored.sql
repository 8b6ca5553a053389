-- 是否入库: whether the collected information was entered into the database (fingerprint system,
-- DNA database…); null when the desk did not say.
ALTER TABLE info_collections ADD COLUMN stored INTEGER;
