"""Hand-written revisions, one file each; ids are fixed (0001, 0002, ...)."""
