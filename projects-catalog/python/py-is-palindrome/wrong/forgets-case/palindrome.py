def is_palindrome(text: str) -> bool:
    kept = [c for c in text if c.isalnum()]
    return kept == kept[::-1]
