def is_palindrome(text: str) -> bool:
    kept = [c.lower() for c in text if c.isalpha()]
    return kept == kept[::-1]
