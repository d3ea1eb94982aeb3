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
    <name>Errors</name>
    <message numerus="yes">
        <source>holds %Ln serial(s) ({count} t) but tonnes is {tonnes}</source>
        <translation>
            <numerusform>holds %Ln serial ({count} t) but tonnes is {tonnes}</numerusform>
            <numerusform>holds %Ln serials ({count} t) but tonnes is {tonnes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>holds %Ln serial(s) ({count} kg) but tonnes is {tonnes}</source>
        <translation>
            <numerusform>holds %Ln serial ({count} kg) but tonnes is {tonnes}</numerusform>
            <numerusform>holds %Ln serials ({count} kg) but tonnes is {tonnes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{source}: %Ln error(s), nothing was imported:</source>
        <translation>
            <numerusform>{source}: %Ln error, nothing was imported:</numerusform>
            <numerusform>{source}: %Ln errors, nothing was imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message numerus="yes">
        <source>The %n tranche(s) schedule {scheduled}, {excess} more than the {contracted} contracted.</source>
        <translation>
            <numerusform>The %n tranche schedule {scheduled}, {excess} more than the {contracted} contracted.</numerusform>
            <numerusform>The %n tranches schedule {scheduled}, {excess} more than the {contracted} contracted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} is still unverified after %n day(s) (limit {limit} days).</source>
        <translation>
            <numerusform>{tonnes} delivered on {day} is still unverified after %n day (limit {limit} days).</numerusform>
            <numerusform>{tonnes} delivered on {day} is still unverified after %n days (limit {limit} days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} still has no serial numbers after %n day(s): ask the supplier for the registry serial block or batch id.</source>
        <translation>
            <numerusform>{tonnes} delivered on {day} still has no serial numbers after %n day: ask the supplier for the registry serial block or batch id.</numerusform>
            <numerusform>{tonnes} delivered on {day} still has no serial numbers after %n days: ask the supplier for the registry serial block or batch id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tonnes} delivered on {day} still has no serial numbers after %n day(s) (more than the {limit} days allowed): ask the supplier for the registry serial block or batch id.</source>
        <translation>
            <numerusform>{tonnes} delivered on {day} still has no serial numbers after %n day (more than the {limit} days allowed): ask the supplier for the registry serial block or batch id.</numerusform>
            <numerusform>{tonnes} delivered on {day} still has no serial numbers after %n days (more than the {limit} days allowed): ask the supplier for the registry serial block or batch id.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tranche of {tonnes} due {due} is late: {shortfall} of it still undelivered ({delivered} of accepted deliveries allocated to it, %Ln day(s) late).</source>
        <translation>
            <numerusform>Tranche of {tonnes} due {due} is late: {shortfall} of it still undelivered ({delivered} of accepted deliveries allocated to it, %Ln day late).</numerusform>
            <numerusform>Tranche of {tonnes} due {due} is late: {shortfall} of it still undelivered ({delivered} of accepted deliveries allocated to it, %Ln days late).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} overlaps block {other} already delivered under contract {other_contract}: serials {low}–{high} (%Ln serial(s)) are counted twice.</source>
        <translation>
            <numerusform>Serial block {block} overlaps block {other} already delivered under contract {other_contract}: serials {low}–{high} (%Ln serial) are counted twice.</numerusform>
            <numerusform>Serial block {block} overlaps block {other} already delivered under contract {other_contract}: serials {low}–{high} (%Ln serials) are counted twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retired serial block {block} overlaps block {other} already retired on {other_on}: serials {low}–{high} (%Ln serial(s)) are claimed twice.</source>
        <translation>
            <numerusform>Retired serial block {block} overlaps block {other} already retired on {other_on}: serials {low}–{high} (%Ln serial) are claimed twice.</numerusform>
            <numerusform>Retired serial block {block} overlaps block {other} already retired on {other_on}: serials {low}–{high} (%Ln serials) are claimed twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the delivery records {tonnes}.</source>
        <translation>
            <numerusform>Serial block {block} holds %Ln serial (1 serial = 1 t, so {held}) but the delivery records {tonnes}.</numerusform>
            <numerusform>Serial block {block} holds %Ln serials (1 serial = 1 t, so {held}) but the delivery records {tonnes}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the delivery records {tonnes}.</source>
        <translation>
            <numerusform>Serial block {block} holds %Ln serial (1 serial = 1 kg, so {held}) but the delivery records {tonnes}.</numerusform>
            <numerusform>Serial block {block} holds %Ln serials (1 serial = 1 kg, so {held}) but the delivery records {tonnes}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the retirement records {tonnes}.</source>
        <translation>
            <numerusform>Serial block {block} holds %Ln serial (1 serial = 1 t, so {held}) but the retirement records {tonnes}.</numerusform>
            <numerusform>Serial block {block} holds %Ln serials (1 serial = 1 t, so {held}) but the retirement records {tonnes}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the retirement records {tonnes}.</source>
        <translation>
            <numerusform>Serial block {block} holds %Ln serial (1 serial = 1 kg, so {held}) but the retirement records {tonnes}.</numerusform>
            <numerusform>Serial block {block} holds %Ln serials (1 serial = 1 kg, so {held}) but the retirement records {tonnes}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{retired} retired in %n retirement(s) from a delivery of only {tonnes}: {excess} retired that were never delivered.</source>
        <translation>
            <numerusform>{retired} retired in %n retirement from a delivery of only {tonnes}: {excess} retired that were never delivered.</numerusform>
            <numerusform>{retired} retired in %n retirements from a delivery of only {tonnes}: {excess} retired that were never delivered.</numerusform>
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
    <message numerus="yes">
        <source>%Ln row(s) belong to other buyers: {names}</source>
        <translation>
            <numerusform>%Ln row belong to other buyers: {names}</numerusform>
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
