-- Version 3: image claims as in ../sqlite/003, and what a shared project needs beyond one station: the two roles
-- stations log in under, a supervisor's verdicts reserved to supervisors, and a notification for every change.
CREATE TABLE image_claim (
    image_id   BIGINT  NOT NULL REFERENCES image (id),
    class_id   BIGINT  NOT NULL REFERENCES defect_class (id),
    station    TEXT    NOT NULL CHECK (length(station) > 0),
    claimed_at BIGINT  NOT NULL,
    PRIMARY KEY (image_id, class_id)
);

-- Stations log in as their own roles, members of one of these. Only the database's roles may connect.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'defect_studio_inspector')
            OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'defect_studio_supervisor') THEN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolcreaterole OR rolsuper)) THEN
            RAISE EXCEPTION 'create the roles defect_studio_inspector and defect_studio_supervisor first (NOLOGIN),'
                ' or create the project as a role with CREATEROLE'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'defect_studio_inspector') THEN
            CREATE ROLE defect_studio_inspector NOLOGIN;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'defect_studio_supervisor') THEN
            CREATE ROLE defect_studio_supervisor NOLOGIN;
        END IF;
    END IF;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO defect_studio_inspector, defect_studio_supervisor',
        current_database());
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO defect_studio_inspector, defect_studio_supervisor',
        current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I'
        ' TO defect_studio_inspector, defect_studio_supervisor', current_schema());
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON defect_studio_schema'
        ' FROM defect_studio_inspector, defect_studio_supervisor');
END
$$;

CREATE FUNCTION defect_studio_is_supervisor() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles r
                   WHERE r.rolname = 'defect_studio_supervisor' AND pg_has_role(current_user, r.oid, 'MEMBER'))
$$;

-- An inspector's role records inspector decisions only; a supervisor's verdicts need a supervisor's role.
ALTER TABLE review ENABLE ROW LEVEL SECURITY;
CREATE POLICY review_read ON review FOR SELECT USING (true);
CREATE POLICY review_insert ON review FOR INSERT
    WITH CHECK (role = 'INSPECTOR' OR defect_studio_is_supervisor());
CREATE POLICY review_update ON review FOR UPDATE
    USING (role = 'INSPECTOR' OR defect_studio_is_supervisor())
    WITH CHECK (role = 'INSPECTOR' OR defect_studio_is_supervisor());
CREATE POLICY review_delete ON review FOR DELETE
    USING (role = 'INSPECTOR' OR defect_studio_is_supervisor());

-- Every committed change is announced on channel defect_studio as "<table> <image id> <class id>" (blank where the
-- table has no such column); stations LISTEN instead of polling.
CREATE FUNCTION defect_studio_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        changed := to_jsonb(OLD);
    ELSE
        changed := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('defect_studio', TG_TABLE_NAME || ' ' || coalesce(changed ->> 'image_id', '') || ' '
        || coalesce(changed ->> 'class_id', ''));
    RETURN NULL;
END
$$;

CREATE TRIGGER image_changed AFTER INSERT OR UPDATE OR DELETE ON image
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER defect_class_changed AFTER INSERT OR UPDATE OR DELETE ON defect_class
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER annotation_changed AFTER INSERT OR UPDATE OR DELETE ON annotation
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER prediction_changed AFTER INSERT OR UPDATE OR DELETE ON prediction
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER review_changed AFTER INSERT OR UPDATE OR DELETE ON review
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER model_changed AFTER INSERT OR UPDATE OR DELETE ON model
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER image_claim_changed AFTER INSERT OR UPDATE OR DELETE ON image_claim
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
CREATE TRIGGER training_run_changed AFTER INSERT OR UPDATE OR DELETE ON training_run
    FOR EACH ROW EXECUTE FUNCTION defect_studio_notify();
