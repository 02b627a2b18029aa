"""libeval: score China's national evaluation of public libraries from YAML files."""

__version__ = "0.1.0.dev0"
