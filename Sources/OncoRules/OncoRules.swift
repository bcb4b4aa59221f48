// The rule language, its strict loader, the compiler and the shipped knowledge base.
