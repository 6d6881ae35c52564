-- The administrative tree that every jurisdiction check rests on.
-- Codes are GB/T 2260 (宁夏回族自治区, 2023 division), except 宁东, which has none:
-- it carries the local code 649900, flagged by code_scheme = 'LOCAL'.
CREATE TABLE region (
    code        VARCHAR(12) PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    level       VARCHAR(16) NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code VARCHAR(12) REFERENCES region (code),
    code_scheme VARCHAR(16) NOT NULL DEFAULT 'GB/T 2260' CHECK (code_scheme IN ('GB/T 2260', 'LOCAL')),
    CHECK ((level = 'PROVINCE') = (parent_code IS NULL))
);

CREATE INDEX region_parent_idx ON region (parent_code);

INSERT INTO region (code, name, level, parent_code) VALUES
    ('640000', '宁夏回族自治区', 'PROVINCE', NULL),
    ('640100', '银川市', 'CITY', '640000'),
    ('640200', '石嘴山市', 'CITY', '640000'),
    ('640300', '吴忠市', 'CITY', '640000'),
    ('640400', '固原市', 'CITY', '640000'),
    ('640500', '中卫市', 'CITY', '640000'),
    ('640104', '兴庆区', 'COUNTY', '640100'),
    ('640105', '西夏区', 'COUNTY', '640100'),
    ('640106', '金凤区', 'COUNTY', '640100'),
    ('640121', '永宁县', 'COUNTY', '640100'),
    ('640122', '贺兰县', 'COUNTY', '640100'),
    ('640181', '灵武市', 'COUNTY', '640100'),
    ('640202', '大武口区', 'COUNTY', '640200'),
    ('640205', '惠农区', 'COUNTY', '640200'),
    ('640221', '平罗县', 'COUNTY', '640200'),
    ('640302', '利通区', 'COUNTY', '640300'),
    ('640303', '红寺堡区', 'COUNTY', '640300'),
    ('640323', '盐池县', 'COUNTY', '640300'),
    ('640324', '同心县', 'COUNTY', '640300'),
    ('640381', '青铜峡市', 'COUNTY', '640300'),
    ('640402', '原州区', 'COUNTY', '640400'),
    ('640422', '西吉县', 'COUNTY', '640400'),
    ('640423', '隆德县', 'COUNTY', '640400'),
    ('640424', '泾源县', 'COUNTY', '640400'),
    ('640425', '彭阳县', 'COUNTY', '640400'),
    ('640502', '沙坡头区', 'COUNTY', '640500'),
    ('640521', '中宁县', 'COUNTY', '640500'),
    ('640522', '海原县', 'COUNTY', '640500');

-- 宁东能源化工基地 is administered by its 管委会 at city level and has no county-level units:
-- its own office verifies, judges and reviews.
INSERT INTO region (code, name, level, parent_code, code_scheme) VALUES
    ('649900', '宁东能源化工基地', 'CITY', '640000', 'LOCAL');
