; Inno Setup 6 script for Clinic App on Windows.
; Build the PyInstaller bundle on Windows first (see installer/README.md), then:
;   iscc /DAppVersion=0.1.0 installer\windows\clinic-app.iss
; The setup program lands in dist\clinic-app-<version>-windows-x86_64-setup.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\windows\clinic-app.iss
#endif
#ifndef BundleDir
  ; The folder PyInstaller wrote (CLINIC_APP_BUNDLE_NAME unset gives "clinic-app").
  #define BundleDir "..\..\build\pyinstaller\dist\clinic-app"
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{50F602D8-C470-49A9-980A-CFFDD79D756A}
AppName=Clinic App
AppVersion={#AppVersion}
AppVerName=Clinic App {#AppVersion}
AppPublisher=The Clinic App contributors
DefaultDirName={autopf}\Clinic App
DefaultGroupName=Clinic App
DisableProgramGroupPage=yes
; Per-user install by default so clinicians without admin rights can install it.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=clinic-app-{#AppVersion}-windows-x86_64-setup
SetupIconFile=..\..\resources\icons\clinic-app.ico
UninstallDisplayIcon={app}\clinic-app.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Clinic App"; Filename: "{app}\clinic-app.exe"
Name: "{autodesktop}\Clinic App"; Filename: "{app}\clinic-app.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\clinic-app.exe"; Description: "{cm:LaunchProgram,Clinic App}"; Flags: nowait postinstall skipifsilent

; The patient database lives in the user's data folder, not in {app}: uninstalling
; the program deliberately leaves it (and its backups) in place.
