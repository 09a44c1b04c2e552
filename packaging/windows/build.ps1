# Build the Windows bundle of LLM Cost Workbench: dist\llmcost-gui\llmcost-gui.exe
# UNTESTED: written on Linux, where it cannot be run.  See packaging/README.md.
# Usage (PowerShell, from the repository root):  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

# $env:PYTHON picks the interpreter (CI sets it); else the py launcher's newest Python 3.
if (-not (Test-Path ".venv\Scripts\python.exe")) {
    if ($env:PYTHON) { & $env:PYTHON -m venv .venv } else { py -3 -m venv .venv }
    if ($LASTEXITCODE -ne 0) { throw "could not create .venv" }
}
.\.venv\Scripts\python.exe -m pip install --upgrade pip
# constraints.txt pins every version, so that the bundle is reproducible
.\.venv\Scripts\python.exe -m pip install -c constraints.txt -e ".[package]"
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

# resources\icons\llmcost-gui.ico is committed; re-create it after editing the SVG:
#   .\.venv\Scripts\python.exe packaging\render_icons.py
.\.venv\Scripts\pyinstaller.exe --noconfirm --clean packaging\llmcost-gui.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle is windowed (no console), so --smoke reports through its exit status only.
$env:QT_QPA_PLATFORM = "offscreen"
$p = Start-Process -FilePath "dist\llmcost-gui\llmcost-gui.exe" -ArgumentList "--smoke" -Wait -PassThru
Remove-Item Env:\QT_QPA_PLATFORM
if ($p.ExitCode -ne 0) { throw "smoke start failed with exit status $($p.ExitCode)" }

# Optional: a zip to hand out (unpack anywhere, double-click llmcost-gui.exe).
Compress-Archive -Path "dist\llmcost-gui" -DestinationPath "dist\llmcost-gui-windows.zip" -Force
Write-Host "built dist\llmcost-gui\llmcost-gui.exe and dist\llmcost-gui-windows.zip"
