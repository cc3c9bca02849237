"""Records a clinic can trust: signatures, addenda, the audit chain, users and their roles."""
