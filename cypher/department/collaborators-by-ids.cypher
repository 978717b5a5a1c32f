// Purpose: for each department, the other departments sharing a (non-deleted) measure or a reform sheet
// with it, with how many of each they share.
// Params: $ids ([string] department ids).
// Columns: id, node (other department's properties), sharedMeasures (int), sharedReformSheets (int);
//          most shared first, then by the other department's sortKey.
UNWIND $ids AS id
MATCH (d:Department {id: id})
CALL (d) {
  MATCH (d)-[:RESPONSIBLE_FOR]->(m:Measure)<-[:RESPONSIBLE_FOR]-(other:Department)
  WHERE m.status <> 'DELETED' AND other <> d
  RETURN other, count(DISTINCT m) AS measures, 0 AS sheets
  UNION ALL
  MATCH (d)-[:EXECUTES|PARTNERS_ON]->(s:ReformSheet)<-[:EXECUTES|PARTNERS_ON]-(other:Department)
  WHERE other <> d
  RETURN other, 0 AS measures, count(DISTINCT s) AS sheets
}
WITH id, other, sum(measures) AS sharedMeasures, sum(sheets) AS sharedReformSheets
RETURN id, properties(other) AS node, sharedMeasures, sharedReformSheets
ORDER BY sharedMeasures + sharedReformSheets DESC, other.sortKey
