"""The Processing provider `trygghet` and one small module per algorithm."""
