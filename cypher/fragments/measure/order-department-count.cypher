// Sort value: how many departments are responsible for the measure.
// Binds: n (Measure). Params: none.
COUNT { (n)<-[:RESPONSIBLE_FOR]-(:Department) }
