"""The modules of the first course, in the order learners see them."""

from cms.content.helpers import ModuleSpec
from cms.content.modules.m1_herkennen import MODULE as M1
from cms.content.modules.m2_signalen import MODULE as M2
from cms.content.modules.m3_gesprek import MODULE as M3
from cms.content.modules.m4_victim_blaming import MODULE as M4
from cms.content.modules.m5_nazorg import MODULE as M5
from cms.content.modules.m6_offline import MODULE as M6

MODULES: list[ModuleSpec] = [M1, M2, M3, M4, M5, M6]
