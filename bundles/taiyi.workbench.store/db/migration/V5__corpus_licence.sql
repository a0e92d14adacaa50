-- The terms a corpus may be used under (BC5CDR: research use; Taiyi's data: CC BY-NC-SA 4.0), set
-- on import and carried into every exported round's manifest. NULL: nobody said.
ALTER TABLE corpus ADD COLUMN licence VARCHAR(1000);
