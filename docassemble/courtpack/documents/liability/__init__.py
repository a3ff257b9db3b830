"""Council tax and business rates liability orders: notices, summonses, complaint list, next steps (issue 16)."""
