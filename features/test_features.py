"""Run every feature file in this folder as pytest-bdd scenarios."""

from pytest_bdd import scenarios

scenarios(".")
