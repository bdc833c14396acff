package org.dixian.synthetic;

import java.util.SplittableRandom;

/** Chinese personal names: common Henan surnames (roughly by frequency) and given names by generation. */
final class Names {
    private static final String[] SURNAMES = {
            "王", "李", "张", "刘", "陈", "杨", "赵", "郭", "孙", "马", "朱", "周", "吴", "徐", "胡", "高", "黄", "宋",
            "韩", "程", "田", "杜", "范", "魏", "闫", "任", "谢", "曹", "许", "冯", "何", "邓", "崔", "蔡", "苏", "贾",
            "丁", "史", "付", "袁", "梁", "常", "侯", "吕", "董", "姚", "秦", "申", "牛", "潘", "岳", "郑", "肖", "孟"};
    private static final int[] SURNAME_WEIGHTS = {
            75, 70, 70, 55, 30, 30, 25, 25, 20, 20, 15, 15, 13, 13, 12, 12, 10, 10,
            10, 9, 9, 8, 8, 8, 6, 6, 6, 7, 7, 7, 6, 5, 5, 4, 5, 6,
            5, 4, 5, 5, 5, 4, 4, 5, 5, 4, 3, 5, 5, 3, 3, 6, 4, 4};
    private static final int SURNAME_TOTAL;

    static {
        int t = 0;
        for (int w : SURNAME_WEIGHTS) {
            t += w;
        }
        SURNAME_TOTAL = t;
    }

    private static final String OLD_MALE = "国建德福明金全保有长春发生成义忠文志庆山兴才永来根树林贵海";
    private static final String OLD_FEMALE = "秀兰英桂芳凤珍玉华荣花梅香云琴翠月素爱娥枝霞莲";
    private static final String MID_MALE = "伟军强勇磊涛杰刚辉峰超建平东明亮新华斌鹏飞波红卫利民";
    private static final String MID_FEMALE = "丽娟艳芳霞敏静玲燕红萍莉娜慧丹琳颖洁晓红雪梅";
    private static final String YOUNG_MALE = "浩宇轩博文泽子涵俊晨睿航然昊阳鑫豪煜铭凯旭一诺嘉瑞";
    private static final String YOUNG_FEMALE = "欣怡梓涵雨萱诗琪思彤佳悦可馨语嫣一诺若汐梦瑶雅婷紫";

    private Names() {
    }

    static String surname(SplittableRandom r) {
        int x = r.nextInt(SURNAME_TOTAL);
        for (int i = 0; i < SURNAMES.length; i++) {
            x -= SURNAME_WEIGHTS[i];
            if (x < 0) {
                return SURNAMES[i];
            }
        }
        return SURNAMES[0];
    }

    static String given(SplittableRandom r, boolean male, int birthYear) {
        String pool = birthYear < 1970 ? (male ? OLD_MALE : OLD_FEMALE)
                : birthYear < 2000 ? (male ? MID_MALE : MID_FEMALE)
                : (male ? YOUNG_MALE : YOUNG_FEMALE);
        int len = r.nextInt(100) < (birthYear < 1970 ? 30 : 18) ? 1 : 2;
        StringBuilder b = new StringBuilder(2);
        for (int i = 0; i < len; i++) {
            b.append(pool.charAt(r.nextInt(pool.length())));
        }
        return b.toString();
    }
}
