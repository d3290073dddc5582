; Inno Setup script: a per-user Windows installer for one employee's SalesDesk.
; Built on Windows (no cross-building) after the per-employee folder was staged:
;   python -m salesdesk.packaging build --employee-name "山田 太郎" --email ... (stages the folder)
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\packaging\SalesDesk-0.1.0-yamada-taro-windows-amd64\SalesDesk ^
;        /DOutputName=SalesDesk-0.1.0-yamada-taro-setup resources\packaging\salesdesk.iss
; SourceDir holds SalesDesk.exe, _internal\ and the employee's profile.json beside the exe.
; No administrator rights: installs into %LOCALAPPDATA%\Programs\SalesDesk; the rep's data
; (%LOCALAPPDATA%\SalesDesk) is never touched by install, upgrade or uninstall.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=<staged SalesDesk folder>
#endif
#ifndef OutputName
  #define OutputName "SalesDesk-" + AppVersion + "-setup"
#endif

[Setup]
AppId={{6C7B8E0A-2F57-4B2E-9D3B-5A1E4C9F7D21}
AppName=SalesDesk
AppVersion={#AppVersion}
AppPublisher=SalesDesk
DefaultDirName={localappdata}\Programs\SalesDesk
DefaultGroupName=SalesDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename={#OutputName}
SetupIconFile=..\..\build\icons\salesdesk.ico
UninstallDisplayIcon={app}\SalesDesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\SalesDesk"; Filename: "{app}\SalesDesk.exe"
Name: "{userdesktop}\SalesDesk"; Filename: "{app}\SalesDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\SalesDesk.exe"; Description: "{cm:LaunchProgram,SalesDesk}"; Flags: nowait postinstall skipifsilent
