"""The lägesbild's layer group, split by job (see :mod:`..lagesbild_group` for the group).

=================  ==========================================================================
names              the group's and its layers' names, the period's title, the default period
model              what a build made (:class:`LagesbildData`), cancelling
build              :func:`build_lagesbild_data`: read the store once, compute, write the cache
areas              the period's figures per area: rates per 1,000 inhabitants, police counts
cells              hot spots, emerging hot spots, unusual now and the density raster
legend             the rate layer's classes and their Swedish labels
cache              the cache GeoPackage: where it lives, writing it, removing old builds
styling            the group's layers, opened from the cache and styled (main thread)
=================  ==========================================================================
"""
