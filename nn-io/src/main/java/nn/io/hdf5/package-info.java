/**
 * Reading and writing HDF5 with jhdf for the Keras formats (.h5, and the weights inside .keras):
 * every read guarded so that a damaged or hostile file is one {@link nn.api.NnException} naming it,
 * dataset sizes checked before they are read, and the jhdf traps worked around on writing (no empty
 * attributes, attributes split into chunks as Keras does, nested groups made one by one).
 */
package nn.io.hdf5;
