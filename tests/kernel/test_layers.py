"""The shape of the code: no module imports, directly or through others, a module that
imports it back. (The direction of imports between layers is import-linter's contract in
pyproject.toml, run by the test command; this finds circles inside a layer too, including
imports hidden inside functions; imports for the type checker only are left out.)"""

import grimp

from tests.our_packages import OUR_PACKAGES

PACKAGES = OUR_PACKAGES


def test_no_module_takes_part_in_an_import_circle():
    # Imports made only for the type checker (a model's manager naming its model) are not
    # circles at run time.
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    circles = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            if graph.chain_exists(importer=imported, imported=module):
                chain = graph.find_shortest_chain(importer=imported, imported=module)
                circles.add(" -> ".join([module, *chain]))
    assert sorted(circles) == []
