// The matcher: evaluates compiled rules against a variant index, tiers and explains.
