class DomainError(Exception):
    """A move the procedure does not allow; the message is shown to the person who tried it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
