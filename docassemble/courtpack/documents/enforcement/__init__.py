"""Enforcing a judgment: the court requests for each open route and the enforcement agent referral pack."""
