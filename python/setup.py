"""Builds the dyad package from a checkout of the repository.

    /usr/bin/python3 -m pip install --no-build-isolation ./python

The _dyad extension is compiled by the repository's own CMake build (target _dyad, against the
Python running this script), so the package is built exactly as `ninja` builds build/python/dyad;
data/dictionaries and data/models are copied into the package (dyad/data), so the installed
module needs nothing from the checkout. Needs cmake, a C++20 compiler, pybind11-dev and the
libraries of scripts/install-deps; no network (hence --no-build-isolation: setuptools and wheel
come from Debian). DYAD_BUILD_JOBS sets the compile parallelism (default: all cores).
"""

import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

ROOT = pathlib.Path(__file__).resolve().parent.parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = pathlib.Path(self.build_temp).resolve() / "cmake"
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir), *generator,
                        "-DCMAKE_BUILD_TYPE=Release", "-DDYAD_BUILD_TESTS=OFF",
                        "-DDYAD_BUILD_BENCHMARKS=OFF", "-DDYAD_BUILD_PYTHON=ON",
                        f"-DPython3_EXECUTABLE={sys.executable}"], check=True)
        jobs = os.environ.get("DYAD_BUILD_JOBS", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_dyad", "-j", jobs], check=True)
        built = sorted((build_dir / "python" / "dyad").glob("_dyad*.so"))
        if not built:
            raise RuntimeError(f"CMake built no _dyad extension in {build_dir}/python/dyad")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[0], target)


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        for folder in ("dictionaries", "models"):
            shutil.copytree(ROOT / "data" / folder, pathlib.Path(self.build_lib) / "dyad" / "data" / folder,
                            dirs_exist_ok=True)


setup(
    packages=["dyad"],
    package_data={"dyad": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("dyad._dyad", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "build_py": BuildPyWithData},
    zip_safe=False,
)
