"""paiwu (排污): policy-as-code checks for the paid use and trading of pollutant emission rights.

The package is assembled from the top-level folders of the repository:
``paiwu.policies`` (the law and the rules, as data), ``paiwu.facts`` (request models),
``paiwu.engine`` (compile, evaluate, decide) and ``paiwu.cli`` (the command line).
"""

__version__ = "0.1.0"
