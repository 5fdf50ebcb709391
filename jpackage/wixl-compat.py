"""Bridges what wixl 0.101 (msitools) cannot read in packaging/windows/main.wxs: Property/@Secure,
Component/@Permanent and a Component's Condition child. They are taken out of the source wixl gets (OUT.wxs) and
written as directives (OUT.sql, one per line: PERMANENT component, CONDITION component text, SECURE properties)
that build-msi.sh turns into UPDATE statements on the built MSI with msibuild, so the
package holds them as WiX would have written them: the Component table's Condition column, the Permanent bit (16)
in its Attributes, and the properties in SecureCustomProperties. Usage: wixl-compat.py IN OUT_PREFIX"""
import sys
import xml.etree.ElementTree as ET

NS = "http://schemas.microsoft.com/wix/2006/wi"
ET.register_namespace("", NS)
tree = ET.parse(sys.argv[1])
product = tree.getroot().find(f"{{{NS}}}Product")
sql = []
secure = []
for prop in product.iter(f"{{{NS}}}Property"):
    if prop.attrib.pop("Secure", None) == "yes":
        secure.append(prop.get("Id"))
for component in product.iter(f"{{{NS}}}Component"):
    name = component.get("Id")
    if component.attrib.pop("Permanent", None) == "yes":
        sql.append(f"PERMANENT {name}")
    for condition in component.findall(f"{{{NS}}}Condition"):
        sql.append(f"CONDITION {name} {condition.text.strip()}")
        component.remove(condition)
if secure:
    # wixl writes its own list (the upgrade properties); ours are added to it after the build.
    sql.append("SECURE " + ";".join(secure))
tree.write(sys.argv[2] + ".wxs", encoding="utf-8", xml_declaration=True)
with open(sys.argv[2] + ".sql", "w", encoding="utf-8") as out:
    out.write("\n".join(sql) + "\n")
