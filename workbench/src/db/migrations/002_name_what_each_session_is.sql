-- "Session" meant three things. The tables now say which one they hold: a maintainer's sign-in,
-- or an uploaded booking sheet (whose rows are info sessions).
ALTER TABLE sessions RENAME TO sign_ins;
ALTER INDEX sessions_pkey RENAME TO sign_ins_pkey;
ALTER TABLE session_imports RENAME TO booking_sheet_imports;
ALTER INDEX session_imports_pkey RENAME TO booking_sheet_imports_pkey;
ALTER SEQUENCE session_imports_id_seq RENAME TO booking_sheet_imports_id_seq;
ALTER TABLE booking_sheet_imports RENAME COLUMN sessions TO info_sessions;
