"""Clean scraped web text into versioned corpus records.

The architecture is one list: :data:`pipeline.stages.STAGES`. Each stage takes a
:class:`pipeline.model.Document` and the frozen :class:`pipeline.config.Config`
and returns the document, changed. Everything else (readers, the store, the CLI,
the Prefect flow) is a shell around that list.
"""

__version__ = "0.1.0"
