"""Checks every package in a folder: README, XML docs, embedded symbols (portable PDB with embedded sources) in each
DLL, and the nuspec metadata (license, project and repository URLs, tags, authors, description). Exit 1 on a gap."""
import sys, zipfile, glob, re, os

folder, version = sys.argv[1], sys.argv[2]
packages = sorted(glob.glob(os.path.join(folder, "*.nupkg")))
problems = []
if not packages:
    problems.append(f"no package in {folder}")
for path in packages:
    name = os.path.basename(path)
    if not name.endswith(f".{version}.nupkg"):
        problems.append(f"{name}: not version {version}")
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        nuspec = z.read(next(n for n in names if n.endswith(".nuspec"))).decode("utf-8")
        for tag in ["license", "projectUrl", "repository", "tags", "authors", "description", "readme", "releaseNotes"]:
            if not re.search(f"<{tag}[ >]", nuspec):
                problems.append(f"{name}: nuspec has no <{tag}>")
        if "README.md" not in names:
            problems.append(f"{name}: no README.md")
        dlls = [n for n in names if n.startswith("lib/") and n.endswith(".dll")]
        if not dlls:
            problems.append(f"{name}: no lib/*.dll")
        for dll in dlls:
            if dll[:-4] + ".xml" not in names:
                problems.append(f"{name}: no XML docs for {dll}")
            data = z.read(dll)
            # An embedded portable PDB is a compressed blob signed "MPDB" in the debug directory; sources embedded in
            # it are not visible compressed, so the EmbedAllSources flag is checked through the build instead.
            if b"MPDB" not in data:
                problems.append(f"{name}: {dll} has no embedded PDB")
    print(f"{name}: {len(names)} files, README, XML docs, embedded PDB, metadata checked")
for p in problems:
    print("package check: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
