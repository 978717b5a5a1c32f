// Sort value: the change mark, newest first when ascending: NEW, CHANGED, UNCHANGED, DELETED.
// Binds: n (Measure). Params: none.
CASE n.status WHEN 'NEW' THEN 0 WHEN 'CHANGED' THEN 1 WHEN 'UNCHANGED' THEN 2 ELSE 3 END
