<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChartPanel</name>
    <message numerus="yes">
        <source>%n deliveries</source>
        <translation>
            <numerusform>%n delivery</numerusform>
            <numerusform>%n deliveries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractsModel</name>
    <message numerus="yes">
        <source>%n open critical flag(s) in the portfolio</source>
        <translation>
            <numerusform>%n open critical flag in the portfolio</numerusform>
            <numerusform>%n open critical flags in the portfolio</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open critical flag(s): see the Flags tab</source>
        <translation>
            <numerusform>%n open critical flag: see the Flags tab</numerusform>
            <numerusform>%n open critical flags: see the Flags tab</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message numerus="yes">
        <source>{layout}: {rows} compared, %n difference(s).</source>
        <translation>
            <numerusform>{layout}: {rows} compared, %n difference.</numerusform>
            <numerusform>{layout}: {rows} compared, %n differences.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message numerus="yes">
        <source>%n retirement(s) drawn from it will be deleted too.</source>
        <translation>
            <numerusform>%n retirement drawn from it will be deleted too.</numerusform>
            <numerusform>%n retirements drawn from it will be deleted too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistryImportDialog</name>
    <message numerus="yes">
        <source>{verb} to {contract}: %Ln row(s), {tonnes} t</source>
        <translation>
            <numerusform>{verb} to {contract}: %Ln row, {tonnes} t</numerusform>
            <numerusform>{verb} to {contract}: %Ln rows, {tonnes} t</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) belong to other buyers: {names}</source>
        <translation>
            <numerusform>%Ln row belongs to other buyers: {names}</numerusform>
            <numerusform>%Ln rows belong to other buyers: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) name a project no contract carries: {names}</source>
        <translation>
            <numerusform>%Ln row name a project no contract carries: {names}</numerusform>
            <numerusform>%Ln rows name a project no contract carries: {names}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) belong to another contract than the one chosen: {names}</source>
        <translation>
            <numerusform>%Ln row belongs to another contract than the one chosen: {names}</numerusform>
            <numerusform>%Ln rows belong to another contract than the one chosen: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveReportDialog</name>
    <message numerus="yes">
        <source>Saved %n row(s) to {file}.</source>
        <translation>
            <numerusform>Saved %n row to {file}.</numerusform>
            <numerusform>Saved %n rows to {file}.</numerusform>
        </translation>
    </message>
</context>
</TS>
