; Inno Setup 6 script for CCHC Desktop: a per-user installer of the one-folder PyInstaller build.
;
; Build the program first (python scripts\build_release.py), then on Windows:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\cchc-desktop.iss
; The installer lands in dist\cchc-desktop-<version>-setup.exe. See docs\windows-build.md.
;
; - Installs for the current user only, without administrator rights, into
;   %LOCALAPPDATA%\Programs\CCHC Desktop, with a Start-menu shortcut (and an optional desktop one).
; - The office's data (database, evidence files, backups) lives in %LOCALAPPDATA%\CCHC Desktop,
;   outside the program folder; the uninstaller never deletes it.
; - Vietnamese wizard texts when Vietnamese.isl is available: Inno Setup does not ship it, so put
;   the community translation (https://jrsoftware.org/files/istrans/) either in Inno Setup's
;   Languages folder or next to this script. Without it the wizard is in English and only our own
;   messages are Vietnamese.

#define AppName "CCHC Desktop"
#define AppExeName "cchc-desktop.exe"
#define SourceFolder AddBackslash(SourcePath) + "..\dist\cchc-desktop"
#ifndef AppVersion
  ; The version resource that build.spec writes from cchc_desktop.__version__.
  #define AppVersion GetVersionNumbersString(SourceFolder + "\" + AppExeName)
#endif

#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #define VietnameseIsl AddBackslash(SourcePath) + "Vietnamese.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
  #define VietnameseIsl "compiler:Languages\Vietnamese.isl"
#endif

[Setup]
; Never change AppId: upgrades and the uninstaller find the installed copy by it.
AppId={{6F0C6B51-2F6B-4C8E-9D5C-3A7E1C0B9D24}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CCHC Desktop
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#SourcePath}\..\dist
OutputBaseFilename=cchc-desktop-{#AppVersion}-setup
SetupIconFile={#SourcePath}\..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy (Restart Manager) so its files can be replaced on upgrade.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
#ifdef VietnameseIsl
Name: "vi"; MessagesFile: "{#VietnameseIsl}"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
CreateDesktopIcon=Tạo biểu tượng trên màn hình &Desktop
AdditionalIcons=Biểu tượng khác:
LaunchProgram=Mở {#AppName} ngay
DataKept=Dữ liệu của cơ quan (cơ sở dữ liệu, tệp minh chứng, bản sao lưu) vẫn được giữ nguyên trong thư mục:%n%n%1%n%nXoá thư mục này bằng tay nếu thật sự không cần nữa.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new build replaces the whole bundled runtime; stale Qt or Python files from an older version
; must not linger next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceFolder}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program writes inside its own folder. The data folder is never listed here.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppName}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder()) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
