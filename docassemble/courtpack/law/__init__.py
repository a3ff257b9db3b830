"""Pure legal rules: dates, money, interest, fees, costs, limits.

No I/O, no docassemble, no database. Each rule lives in a module named after it,
every table is dated data with a source per row, and every result says its basis.
"""
