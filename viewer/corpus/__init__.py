"""The corpus audit's stages, from candidate pairs to families, reuse, direction and provenance.

``audit`` runs them in order; each is a plain function over frozen values.
"""
