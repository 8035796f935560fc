"""No models of its own. The module exists so that Django sends post_migrate for this
app (it skips apps without a models module), which syncs the staff groups
(iop_site/apps.py)."""
