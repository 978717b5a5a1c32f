// Quantity: one declared number of the node (src/graph/kinds/), as a sort value, a filter's quantity or an aggregate's.
// Binds: n. Params: none. $($property) is filled with the declared property's name (an identifier checked by propertyQuantity, never user input).
n.$($property)
