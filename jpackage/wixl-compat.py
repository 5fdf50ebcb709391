"""Makes packaging/windows/main.wxs digestible for wixl 0.101 (msitools), which lacks three WiX 3 features the Windows
build uses: Property/@Secure, Component/@Permanent and a Component's Condition child. All three are dropped here (wixl
writes its own SecureCustomProperties for the upgrade properties, so ours cannot be added beside it): this MSI is
for checking the tables on Linux; the Windows workflow builds the real one with WiX from the unchanged source, and
MsiIT checks those three in the source. Usage: wixl-compat.py IN OUT"""
import sys
import xml.etree.ElementTree as ET

NS = "http://schemas.microsoft.com/wix/2006/wi"
ET.register_namespace("", NS)
tree = ET.parse(sys.argv[1])
product = tree.getroot().find(f"{{{NS}}}Product")
for prop in product.iter(f"{{{NS}}}Property"):
    prop.attrib.pop("Secure", None)
for component in product.iter(f"{{{NS}}}Component"):
    component.attrib.pop("Permanent", None)
    for condition in component.findall(f"{{{NS}}}Condition"):
        component.remove(condition)
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
