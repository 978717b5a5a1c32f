// Scope: for each parent reform area id, the sheets in it (unique id index).
// Binds: parent (reform area id), n (ReformSheet). Params: $parents ([string] reform area ids).
UNWIND $parents AS parent
MATCH (:ReformArea {id: parent})<-[:IN_AREA]-(n:ReformSheet)
