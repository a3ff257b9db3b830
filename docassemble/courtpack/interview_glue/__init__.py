"""Python that courtpack's interviews import: turning answers into calls to the lower layers.

Why: interviews hold questions and screens; decisions and computations live
here (and below), where they are typed and unit-tested.
"""
