"""python -m histext: the version and where the package finds its data (the commands are histext.dask)."""
import histext

print(f"histext {histext.version()} (data: {histext._histext.data_dir()}); "
      "counting on Dask: python3 -m histext.dask --help")
