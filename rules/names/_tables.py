"""Fixed tables of the names family: transliteration characters, name particles, titles.

The transliteration characters are those of the Xinhua News Agency's syllable tables for
foreign personal names (《英语姓名译名手册》, 《世界人名翻译大辞典》 and the per-language
tables derived from them). Those tables deliberately avoid the common Chinese surnames
(王 李 张 刘 陈 …) so that a transliterated name never reads as a Chinese one; the few
surname characters that the tables do use (e.g. 潘 for "Pan", 鲍 for "Bow") are kept.
"""

from __future__ import annotations

# Characters of the Xinhua transliteration tables (English, German, French, Spanish,
# Russian, Arabic, Persian ... syllables), plus the handful of characters the tables use
# for feminine names (娜 丽 莉 琳 ...).
TRANSLITERATION = frozenset(
    "阿埃艾爱安昂奥澳敖"
    "巴拔拜班邦保鲍贝本比彼毕宾滨波博伯勃布卜"
    "查察彻钦茨楚措次策采"
    "达大戴丹当道德登邓迪蒂底帝丁顿多杜敦朵"
    "厄恩尔额"
    "法凡范方菲斐费芬丰冯夫弗福富佛"
    "盖甘冈高戈哥格根贡古瓜圭"
    "哈海罕汉翰豪赫黑亨洪胡华怀惠霍"
    "基吉季加嘉伽贾杰捷金津久居"
    "卡喀凯坎康考柯科可克肯孔库夸奎昆阔"
    "拉腊莱赖兰朗劳勒雷蕾累里利莉丽黎力历列林琳玲铃隆卢鲁路伦罗洛略吕"
    "马玛迈麦曼芒毛梅美门蒙米密明缪摩莫墨默姆穆"
    "纳娜奈南内尼妮涅宁纽努诺"
    "欧"
    "帕派潘庞佩彭皮珀坡普蒲浦"
    "齐奇恰钱乔琼丘秋"
    "让热仁荣茹瑞若"
    "萨赛塞桑瑟森沙莎山尚舍申圣施什史舒斯丝思松苏索"
    "塔泰坦汤唐特滕提蒂廷汀通图托陀"
    "瓦万旺威韦维卫温文翁沃乌伍武"
    "西希锡夏肖谢辛欣休修许薛"
    "雅亚扬耶叶伊依易因英尤约于雨"
    "泽扎詹兹祖佐卓"
    "茜茱黛娅薇琪芭蒂丝"
    "简珍荷歇代朱娄甫撒迦洁狄犹俾汗"
    # Traditional forms of the characters above (pairs from CC-CEDICT's single-character
    # entries), less those that are also common words (於 裏 當 範 …).
    "亞倫傑內凱勞呂喬奧婁婭寧岡崑庫徹愛懷揚歐湯漢潔澤濱烏熱爾猶瑪瓊畢盧簡約納紐紮絲維"
    "繆羅聖華萊萬葉蓋薩蘇蘭衛謝讓豐貝貢費賈賓賴賽達邁鄧鈴錢錫門闊韋頓額馬馮魯鮑麗麥齊"
    "龐許誇諾欽"
)

# Common Chinese surnames that are *not* transliteration characters (source: the
# 2019 Ministry of Public Security surname frequency list, top 100, less the characters
# above and less 任, which mostly ends 主任 "director" right before a name). A two-character
# transliteration run right after one of these is a Chinese-style name of a foreigner
# (包道格 Douglas Paal, 郦英杰 Brent Christensen), which is not a transliteration.
CHINESE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙朱胡郭何林高罗郑梁谢宋唐韩冯于董萧程曹袁邓傅沈曾彭吕"
    "苏卢蒋蔡贾丁魏薛叶阎余杜戴夏钟汪田姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史"
    "顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文郦祁葛商柯荣包芮"
    "劉吳孫張楊蔣蕭譚賀趙鄒鄭酈鍾閻陳陸韓顧黃龍龔"  # traditional forms
) - TRANSLITERATION

# Name separators (SPEC T002: the right one is U+00B7; the others are common slips).
SEPARATORS = frozenset("·•・‧.")

# Lower-case name particles (SPEC N001) and the Arabic article written with a hyphen.
PARTICLES = frozenset({
    "al", "el", "bin", "bint", "ibn", "ben", "abu", "van", "von", "der", "den", "ter", "ten",
    "de", "da", "di", "du", "la", "le", "dos", "das", "do", "del", "della", "dei", "degli",
    "y", "e", "zu", "af", "av", "ul", "ud", "ad", "as", "ash", "ar", "at", "ou", "op", "'t",
    "mac", "st", "bar",
})
HYPHEN_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "an-", "ul-", "ud-",
                    "bin-", "ibn-", "abu-")

# Honorifics, ranks and suffixes that a gloss may carry besides the name.
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "sen", "rep",
    "gen", "col", "colonel", "general", "lt", "capt", "maj", "adm", "gov", "pres", "mons",
    "msgr", "rev", "fr", "sgt", "hon", "jr", "sr", "ii", "iii", "iv", "phd", "md",
    "senator", "president", "rabbi", "sheikh", "imam", "judge", "justice",
})

# Words that end right before a name: when the text before a name ends with one of them,
# the name's start is certain (总理特鲁多: the name is 特鲁多, not 理特鲁多), otherwise a
# character or two before it may still belong to it (前总统理查德: 理 is part of 理查德).
BOUNDARY_WORDS = frozenset({
    "总理", "首相", "总统", "部长", "议长", "议员", "主席", "主任", "大使", "特使", "发言人",
    "将军", "上将", "中将", "少将", "上校", "司令", "国务卿", "顾问", "教授", "学者", "专家",
    "记者", "律师", "法官", "官员", "代表", "局长", "州长", "市长", "外长", "防长", "总裁",
    "董事", "经理", "助理", "秘书", "主教", "牧师", "医生", "博士", "先生", "女士", "夫人",
    "领导人", "创始人", "负责人", "分析师", "研究员", "作家", "编辑", "主编", "首领", "领袖",
    "国王", "女王", "王子", "公主", "总督", "参谋长", "指挥官", "总监", "人士", "成员",
    "的", "和", "与", "及", "说", "称", "对", "向", "在", "由", "被", "让", "给", "是", "同",
    "了", "见", "跟", "把", "将", "从", "为", "以", "或", "但", "等",
    # traditional forms
    "總理", "總統", "部長", "議長", "議員", "發言人", "將軍", "國務卿", "顧問", "學者",
    "專家", "記者", "律師", "法官", "官員", "代表", "局長", "州長", "市長", "外長", "總裁",
    "經理", "祕書", "秘書", "領導人", "負責人", "分析師", "研究員", "與", "說", "稱",
    "對", "讓", "給", "見", "從", "為", "將", "參謀長",
})

# The 300 most frequent Han characters of news text, most frequent first (counted over the
# VOA fixtures, ~160,000 characters). Only a speed heuristic: the dictionary screen (N006)
# tests a wrong form's rarest characters first, since one absent character rules it out.
COMMON_HAN = (
    "的国中在人是一美有和这对港为不会法大他说个年了香政们行来以家民出公到上发安我月表与共要学制主日全自多"
    "新关生员方时台权能地经动示议过期可之前也外实被部成其事加将后作就特所府者当于现斯进度都及湾而由利些用"
    "业并重信立力司但下情最定治产任面军明受长病世区天联合因务问界总开尔反应资际等持目施如同高没机社院系统"
    "更教组克还道布报英党两体华已得本题通取印分保心名认然朗强近数次疫正海此局提平参星从工战内意去普种很向"
    "北交间理许文它接官或何京声里代毒项使言果维调举版论推入冠感拉相做西济位科选活据音律口罗场视那达指市商"
    "案常样告威亚导决众包该至话查领运建织东控抗性宣称起无防周投化非管南今处警卫放士越裁止委续证争支第约例"
)
