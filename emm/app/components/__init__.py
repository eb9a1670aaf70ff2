"""Custom Streamlit components of the app (components v2, inline, no iframe)."""
