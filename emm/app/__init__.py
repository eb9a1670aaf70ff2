"""The analysts' web app (Streamlit): a thin shell; every page only calls the packages."""
