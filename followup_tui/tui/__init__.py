"""The Textual interface. It talks to the store's service API, never to SQL."""
