"""The page of a queued job (an upload, an import, a report): its progress, its outcome, retry."""
